//! E-forms as versioned documents (issue 19): the store every change goes
//! through, the builder's routes under `/quan-tri/bieu-mau`, and the
//! seeding of the demo and standard forms.

pub mod store;
