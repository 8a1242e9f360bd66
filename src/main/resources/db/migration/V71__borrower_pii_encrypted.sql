-- Borrower personal data is stored encrypted (AES-GCM, "keyId:base64(iv|ciphertext)", BorrowerPii):
-- room for the ciphertext of the longest accepted value in UTF-8 (id/phone 200, e-mail 320, address 1000 characters).
ALTER TABLE borrower ALTER COLUMN id_number SET DATA TYPE VARCHAR(1200);
ALTER TABLE borrower ALTER COLUMN phone SET DATA TYPE VARCHAR(1200);
ALTER TABLE borrower ALTER COLUMN email SET DATA TYPE VARCHAR(1800);
ALTER TABLE borrower ALTER COLUMN address SET DATA TYPE VARCHAR(4200);
