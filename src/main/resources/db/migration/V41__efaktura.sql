-- Issue 19: Norwegian eFaktura (B2C). What the eFaktura register last said about each person Fordra asked (by
-- fødselsnummer, for this issuer), and one row per letter issued as eFaktura: a letter is issued once, and a retry
-- that finds its row sends nothing again.
CREATE TABLE fordra_efaktura_recipient (
    customer_number     VARCHAR(40)  NOT NULL PRIMARY KEY REFERENCES fordra_customer (customer_number),
    status              VARCHAR(20)  NOT NULL,   -- ACCEPTED | NOT_REGISTERED | BLOCKED
    efaktura_identifier VARCHAR(40),             -- the register's eFaktura identifier of the person, when accepted
    checked_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fordra_efaktura_recipient_status_ck CHECK (status IN ('ACCEPTED', 'NOT_REGISTERED', 'BLOCKED'))
);

CREATE TABLE fordra_efaktura_delivery (
    document_id         BIGINT       NOT NULL PRIMARY KEY REFERENCES fordra_document (id),
    invoice_id          BIGINT       NOT NULL REFERENCES fordra_invoice (id),
    consignment_id      VARCHAR(40)  NOT NULL,
    efaktura_identifier VARCHAR(40),
    status              VARCHAR(20)  NOT NULL,   -- ISSUED (the service took it) | the service's later invoice status
    status_text         VARCHAR(500),
    issued_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fordra_efaktura_delivery_consignment_uq UNIQUE (consignment_id)
);
CREATE INDEX fordra_efaktura_delivery_invoice_ix ON fordra_efaktura_delivery (invoice_id);
