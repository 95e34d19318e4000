-- Cluster domain names, as detected on masters by DetectClusterDomainQuery.
CREATE TABLE cluster_domain_name (
  cluster_name VARCHAR(255) NOT NULL,
  domain_name VARCHAR(255) NOT NULL,
  last_registered BIGINT NOT NULL,
  PRIMARY KEY (cluster_name)
);
