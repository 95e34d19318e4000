-- The internal key-value store: masters as published for proxies, consulted first by the periodic check.
CREATE TABLE kv_store (
  store_key VARCHAR(255) NOT NULL,
  store_value TEXT NOT NULL,
  last_updated BIGINT NOT NULL,
  PRIMARY KEY (store_key)
);
