-- Hand-written (Prisma cannot model check constraints): a rating's stars are whole numbers from
-- 1 to 5, whatever writes them.
ALTER TABLE fees.order_rating ADD CONSTRAINT order_rating_stars_1_to_5 CHECK (stars BETWEEN 1 AND 5);
