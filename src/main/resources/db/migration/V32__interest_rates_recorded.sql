-- The late-payment rate table becomes data that finance keeps (GET/POST /api/interest-rates, and the task "Enter the
-- reference rate for <half-year>" of processes/reference-rate.bpmn): each row says who recorded it and when. The
-- rows shipped by V9 were recorded by this migration. V9's figures were checked against public sources (the
-- Riksbank's series, Lovdata, the Norwegian rate notices; see the README) and are left as they are.
ALTER TABLE fordra_interest_rate ADD COLUMN recorded_by VARCHAR(255) DEFAULT 'migration' NOT NULL;
ALTER TABLE fordra_interest_rate ADD COLUMN recorded_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE fordra_interest_rate ALTER COLUMN recorded_by DROP DEFAULT;
ALTER TABLE fordra_interest_rate ALTER COLUMN recorded_at DROP DEFAULT;
