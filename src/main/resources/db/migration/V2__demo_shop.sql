-- The demo shop: customers, products and orders, to show the admin over an application's own data.
CREATE SEQUENCE customers_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE products_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE orders_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE customers (
    id         BIGINT                   NOT NULL PRIMARY KEY,
    name       VARCHAR(120)             NOT NULL,
    email      VARCHAR(254)             NOT NULL,
    city       VARCHAR(80),
    country    VARCHAR(2),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version    BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT customers_email_uk UNIQUE (email)
);
CREATE INDEX customers_name_idx ON customers (name);

CREATE TABLE products (
    id          BIGINT         NOT NULL PRIMARY KEY,
    sku         VARCHAR(20)    NOT NULL,
    name        VARCHAR(120)   NOT NULL,
    description VARCHAR(2000),
    price       NUMERIC(10, 2) NOT NULL CHECK (price >= 0),
    stock       INTEGER        NOT NULL DEFAULT 0 CHECK (stock >= 0),
    active      BOOLEAN        NOT NULL DEFAULT TRUE,
    version     BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT products_sku_uk UNIQUE (sku)
);

CREATE TABLE orders (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    reference   VARCHAR(20)              NOT NULL,
    customer_id BIGINT                   NOT NULL REFERENCES customers (id),
    status      VARCHAR(20)              NOT NULL,
    total       NUMERIC(12, 2)           NOT NULL CHECK (total >= 0),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    shipped_at  TIMESTAMP WITH TIME ZONE,
    note        VARCHAR(2000),
    version     BIGINT                   NOT NULL DEFAULT 0,
    CONSTRAINT orders_reference_uk UNIQUE (reference)
);
CREATE INDEX orders_customer_idx ON orders (customer_id);
CREATE INDEX orders_created_idx ON orders (created_at, id);
CREATE INDEX orders_status_created_idx ON orders (status, created_at, id);
