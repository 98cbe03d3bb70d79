-- Filing for someone else (ủy quyền). An authorised person may file for the
-- applicant unless the law says the applicant must file in person: a
-- marriage, its re-registration and a parentage recognition cannot be
-- delegated (Circular 04/2020/TT-BTP art. 3), so those versions bar it.
ALTER TABLE procedure_versions ADD COLUMN representation_barred boolean NOT NULL DEFAULT false;

-- A document needed only when an authorised person files: the authorisation
-- itself (văn bản ủy quyền). Its slot is shown to everyone and required, when
-- mandatory, only of a dossier filed through a representative.
ALTER TABLE procedure_documents ADD COLUMN when_represented boolean NOT NULL DEFAULT false;
