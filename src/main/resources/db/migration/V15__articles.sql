-- The article register: what an invoice line that names an article takes when it leaves description, price or VAT
-- out. An invoice copies these values when it is issued, so changing an article never changes an issued invoice.
CREATE TABLE fordra_article (
    article_number        VARCHAR(40)  NOT NULL PRIMARY KEY,
    -- How it is counted: "st", "tim", "kg" …
    unit                  VARCHAR(20)  NOT NULL,
    -- Excluding VAT, in the invoice currency.
    unit_price            NUMERIC(15, 2) NOT NULL,
    -- Percent; one of the seller's country's rates.
    vat_rate              NUMERIC(5, 2) NOT NULL,
    -- NULL: the sales account of the VAT rate (fordra.ledger.sales.*).
    revenue_account       VARCHAR(10),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT fordra_article_price_ck CHECK (unit_price >= 0)
);

-- The article's description per language (sv, nb, en); at least one.
CREATE TABLE fordra_article_description (
    article_number        VARCHAR(40)  NOT NULL REFERENCES fordra_article (article_number),
    language              VARCHAR(2)   NOT NULL,
    description           VARCHAR(500) NOT NULL,
    CONSTRAINT fordra_article_description_pk PRIMARY KEY (article_number, language)
);
