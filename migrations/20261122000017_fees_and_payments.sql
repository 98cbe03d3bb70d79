-- Fees and payments. A procedure version's fee rows say what the catalogue
-- shows; the ones marked `charged` are also what a dossier is billed, once
-- per dossier or per unit of a number the applicant answers. Exemptions
-- are groups the procedure names, each proved by one of its documents.
ALTER TABLE procedure_fees
    ADD COLUMN charged boolean NOT NULL DEFAULT false,
    -- Billed per unit of this e-form answer, for the units beyond `beyond`.
    ADD COLUMN per_field text,
    ADD COLUMN beyond integer NOT NULL DEFAULT 0 CHECK (beyond >= 0);

ALTER TABLE procedure_versions
    -- The e-form field whose answer names the exemption claimed.
    ADD COLUMN exemption_field text,
    ADD COLUMN payment_due text NOT NULL DEFAULT 'submission'
        CHECK (payment_due IN ('submission', 'before_result'));

CREATE TABLE fee_exemptions (
    version_id bigint NOT NULL REFERENCES procedure_versions (id),
    code text NOT NULL,
    name text NOT NULL,
    percent_off integer NOT NULL CHECK (percent_off BETWEEN 1 AND 100),
    -- The required document that proves it (by its name in the version).
    evidence_document text,
    PRIMARY KEY (version_id, code)
);

-- What the dossier was told it owes, fixed at submission.
ALTER TABLE dossiers
    ADD COLUMN fee_total bigint NOT NULL DEFAULT 0 CHECK (fee_total >= 0),
    ADD COLUMN fee_assessment jsonb,
    ADD COLUMN payment_due text CHECK (payment_due IN ('submission', 'before_result'));

-- Every attempt to pay, online or at the counter. A dossier is paid by at
-- most one settled payment; pending and failed attempts may be many.
CREATE TABLE payments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- What the gateway knows the payment by (vnp_TxnRef): unique, unguessable.
    reference text NOT NULL UNIQUE,
    dossier_id bigint NOT NULL REFERENCES dossiers (id),
    gateway text NOT NULL CHECK (gateway IN ('sandbox', 'vnpay', 'counter')),
    -- At the counter: cash or card.
    method text NOT NULL CHECK (method IN ('online', 'cash', 'card')),
    amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
    status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'expired', 'refund_due', 'refunded')),
    created_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    settled_at timestamptz,
    -- The gateway's own transaction number, once it reported one.
    gateway_transaction text,
    -- Biên lai number, given when the payment is settled.
    receipt_number text UNIQUE,
    -- The officer who recorded a counter payment, and the receipt book
    -- number they wrote on it.
    recorded_by bigint REFERENCES users (id),
    counter_receipt text,
    refunded_at timestamptz,
    refunded_by bigint REFERENCES users (id),
    refund_note text,
    CHECK ((status IN ('paid', 'refund_due', 'refunded')) = (settled_at IS NOT NULL AND receipt_number IS NOT NULL))
);

CREATE UNIQUE INDEX payments_one_settled_per_dossier ON payments (dossier_id)
    WHERE status IN ('paid', 'refund_due', 'refunded');
CREATE INDEX payments_dossier_idx ON payments (dossier_id, created_at DESC);
CREATE INDEX payments_pending_idx ON payments (expires_at) WHERE status = 'pending';

-- Every notification a gateway sent, as it arrived, and what the portal
-- made of it: kept for audit whatever its verdict.
CREATE TABLE payment_notifications (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    gateway text NOT NULL,
    reference text,
    received_at timestamptz NOT NULL DEFAULT now(),
    -- `ipn` from the gateway, `query` from reconciliation.
    source text NOT NULL CHECK (source IN ('ipn', 'query')),
    raw text NOT NULL,
    verdict text NOT NULL
);

CREATE INDEX payment_notifications_reference_idx ON payment_notifications (reference, received_at);

-- Disagreements between a gateway and the portal, for a manager to settle.
CREATE TABLE payment_flags (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id bigint REFERENCES payments (id),
    reference text NOT NULL,
    reason text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz
);

-- Receipt numbers: per agency and year, gapless like dossier codes.
CREATE TABLE receipt_counters (
    agency_id bigint NOT NULL REFERENCES agencies (id),
    year integer NOT NULL,
    last_number integer NOT NULL,
    PRIMARY KEY (agency_id, year)
);

-- The sandbox gateway is a bank of its own inside the portal: it keeps its
-- orders and the notifications it still has to deliver, like a real one.
CREATE TABLE sandbox_gateway_orders (
    reference text PRIMARY KEY,
    amount_vnd bigint NOT NULL,
    order_info text NOT NULL,
    return_url text NOT NULL,
    outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'success', 'failure', 'cancel')),
    transaction_number text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz
);

CREATE TABLE sandbox_gateway_deliveries (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference text NOT NULL REFERENCES sandbox_gateway_orders (reference),
    body text NOT NULL,
    deliver_after timestamptz NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    delivered_at timestamptz,
    answer text
);

CREATE INDEX sandbox_gateway_deliveries_due_idx ON sandbox_gateway_deliveries (deliver_after)
    WHERE delivered_at IS NULL;
