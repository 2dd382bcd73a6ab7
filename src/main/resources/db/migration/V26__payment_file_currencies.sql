-- What a payment file books, per currency (issue 16): a BgMax file with an EUR section, or a camt.054 message with
-- entries in several currencies, has no one total in money; fordra_payment_file.total_amount adds them up as numbers.
CREATE TABLE fordra_payment_file_currency (
    payment_file_id  BIGINT         NOT NULL REFERENCES fordra_payment_file (id),
    currency         VARCHAR(3)     NOT NULL,
    payment_count    INTEGER        NOT NULL,
    total_amount     NUMERIC(19, 2) NOT NULL,
    CONSTRAINT fordra_payment_file_currency_pk PRIMARY KEY (payment_file_id, currency)
);
