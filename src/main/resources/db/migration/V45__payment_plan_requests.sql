-- Issue 20: what a plan request asked for, what it owed, when it was decided and ended; which invoices a requested or
-- running plan holds; and which payments were counted towards a plan's instalments.
ALTER TABLE fordra_payment_plan ADD COLUMN requested_instalments INTEGER;
ALTER TABLE fordra_payment_plan ADD COLUMN requested_first_due_date DATE;
-- DEFERRAL: the date asked for, and once approved the date granted.
ALTER TABLE fordra_payment_plan ADD COLUMN defer_to DATE;
ALTER TABLE fordra_payment_plan ADD COLUMN note VARCHAR(1000);
ALTER TABLE fordra_payment_plan ADD COLUMN requested_by VARCHAR(12) DEFAULT 'CUSTOMER' NOT NULL;
ALTER TABLE fordra_payment_plan ADD COLUMN requested_by_user VARCHAR(100);
-- What the covered invoices owed (fees included) when requested, and when approved what the plan split.
ALTER TABLE fordra_payment_plan ADD COLUMN open_amount NUMERIC(15, 2) DEFAULT 0 NOT NULL;
ALTER TABLE fordra_payment_plan ADD COLUMN interest_runs BOOLEAN DEFAULT TRUE NOT NULL;
ALTER TABLE fordra_payment_plan ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_payment_plan ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE fordra_payment_plan ADD CONSTRAINT fordra_payment_plan_requested_by_ck
    CHECK (requested_by IN ('CUSTOMER', 'CASE_HANDLER'));
ALTER TABLE fordra_payment_plan ADD CONSTRAINT fordra_payment_plan_open_ck CHECK (open_amount >= 0);

-- The order the request named the invoices in: the first is the plan's letter invoice and carries the fee.
ALTER TABLE fordra_payment_plan_invoice ADD COLUMN invoice_order INTEGER DEFAULT 0 NOT NULL;

-- A deferral's one instalment carries its invoice's own OCR/KID (the debtor pays the invoice as usual, later), so a
-- second deferral of the same invoice after a broken one has the same reference: unique per plan, not overall. Each
-- instalment of a plan in parts still has a reference nothing else has (InstalmentReferences).
ALTER TABLE fordra_payment_plan_instalment DROP CONSTRAINT fordra_payment_plan_instalment_reference_uq;
ALTER TABLE fordra_payment_plan_instalment ADD CONSTRAINT fordra_payment_plan_instalment_reference_uq
    UNIQUE (payment_reference, plan_id);

-- The invoices a REQUESTED or RUNNING plan holds, one row per invoice: the primary key keeps an invoice in at most one
-- such plan, also when two requests for it come at the same moment. Removed when the plan ends.
CREATE TABLE fordra_payment_plan_hold (
    invoice_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES fordra_invoice (id),
    plan_id           BIGINT        NOT NULL REFERENCES fordra_payment_plan (id)
);
CREATE INDEX fordra_payment_plan_hold_plan_ix ON fordra_payment_plan_hold (plan_id);

-- Each payment counted towards a running plan's instalments, once (the PaymentBooked event may come twice).
CREATE TABLE fordra_payment_plan_payment (
    payment_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES fordra_payment (id),
    plan_id           BIGINT        NOT NULL REFERENCES fordra_payment_plan (id),
    amount            NUMERIC(15, 2) NOT NULL,   -- what of the payment went to instalments (any rest is not the plan's)
    allocated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX fordra_payment_plan_payment_plan_ix ON fordra_payment_plan_payment (plan_id);
