-- The version of the escalation policies an order was posted under: its pending steps keep it.
ALTER TABLE dispatch_order ADD COLUMN escalation_version INT;
