-- Customers abroad (issue 18 section 3): a customer's VAT number (with its country prefix), and how an invoice was
-- taxed where that is not the seller's own rates: reverse charge to an EU business, or export.
ALTER TABLE fordra_customer ADD COLUMN vat_number VARCHAR(30);

-- One row per invoice taxed other than at the seller's rates (absent: the seller's rates, as before); it keeps the VAT
-- numbers the invoice carried, so that its documents say the same later whatever the register says by then.
CREATE TABLE fordra_invoice_vat (
    invoice_id            BIGINT       NOT NULL,
    treatment             VARCHAR(20)  NOT NULL,
    buyer_vat_number      VARCHAR(30),
    seller_vat_number     VARCHAR(30),
    CONSTRAINT fordra_invoice_vat_pk PRIMARY KEY (invoice_id),
    CONSTRAINT fordra_invoice_vat_invoice_fk FOREIGN KEY (invoice_id) REFERENCES fordra_invoice (id),
    CONSTRAINT fordra_invoice_vat_treatment_ck CHECK (treatment IN ('REVERSE_CHARGE', 'EXPORT'))
);
