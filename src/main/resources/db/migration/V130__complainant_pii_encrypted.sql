-- Complainant name, phone and e-mail are stored encrypted (AES-GCM, "keyId:base64(iv|ciphertext)", ComplainantPii):
-- room for the ciphertext of the longest accepted value in UTF-8 (name 100, phone 25, e-mail 254 characters).
ALTER TABLE complaint ALTER COLUMN complainant_name SET DATA TYPE VARCHAR(1200);
ALTER TABLE complaint ALTER COLUMN complainant_phone SET DATA TYPE VARCHAR(1200);
ALTER TABLE complaint ALTER COLUMN complainant_email SET DATA TYPE VARCHAR(1800);
