-- Late-payment interest rates per country and half-year: data that is corrected by a data change, never a release.
-- SE (räntelagen 6 §): Riksbanken's reference rate for the half-year + 8 percentage points.
-- NO (forsinkelsesrenteloven § 3): the rate the Ministry of Finance sets for each half-year.
CREATE TABLE fordra_interest_rate (
    country               VARCHAR(2)   NOT NULL,
    valid_from            DATE         NOT NULL,
    valid_to              DATE         NOT NULL,
    reference_rate        NUMERIC(7, 4),
    rate                  NUMERIC(7, 4) NOT NULL,
    source                VARCHAR(500) NOT NULL,
    CONSTRAINT fordra_interest_rate_pk PRIMARY KEY (country, valid_from),
    CONSTRAINT fordra_interest_rate_period_ck CHECK (valid_to >= valid_from)
);

INSERT INTO fordra_interest_rate (country, valid_from, valid_to, reference_rate, rate, source) VALUES
  ('SE', DATE '2025-01-01', DATE '2025-06-30', 3.0000, 11.0000, 'Riksbanken reference rate 2025-H1 3.00 % + 8 (räntelagen 6 §)'),
  ('SE', DATE '2025-07-01', DATE '2025-12-31', 2.0000, 10.0000, 'Riksbanken reference rate 2025-H2 2.00 % + 8 (räntelagen 6 §)'),
  ('SE', DATE '2026-01-01', DATE '2026-06-30', 2.0000, 10.0000, 'Riksbanken reference rate 2026-H1 2.00 % + 8 (räntelagen 6 §)'),
  ('NO', DATE '2025-01-01', DATE '2025-06-30', NULL, 12.5000, 'Finansdepartementet, forsinkelsesrente 2025-H1'),
  ('NO', DATE '2025-07-01', DATE '2025-12-31', NULL, 12.2500, 'Finansdepartementet, forsinkelsesrente 2025-H2'),
  ('NO', DATE '2026-01-01', DATE '2026-06-30', NULL, 12.0000, 'Finansdepartementet, forsinkelsesrente 2026-H1');
