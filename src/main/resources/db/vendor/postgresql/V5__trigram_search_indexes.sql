-- PostgreSQL only: trigram indexes behind the lists' case-insensitive "contains" search
-- (lower(column) LIKE '%text%'). Created only where the pg_trgm extension is available and may be
-- installed; without it the search stays correct, just unindexed.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS pg_trgm;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'pg_trgm could not be installed: search indexes skipped';
            RETURN;
        END;
        CREATE INDEX IF NOT EXISTS users_email_trgm ON users USING gin (lower(email) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS customers_email_trgm ON customers USING gin (lower(email) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS customers_name_trgm ON customers USING gin (lower(name) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS products_sku_trgm ON products USING gin (lower(sku) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS products_name_trgm ON products USING gin (lower(name) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS orders_reference_trgm ON orders USING gin (lower(reference) gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS audit_log_label_trgm ON audit_log USING gin (lower(entity_label) gin_trgm_ops);
    END IF;
END
$$;
