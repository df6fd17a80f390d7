-- Informants may write through 微信客服 (kf) or the Official Account (oa); answers go back the
-- way they last wrote.
ALTER TABLE member ADD COLUMN last_channel VARCHAR(8) DEFAULT 'kf' NOT NULL;
