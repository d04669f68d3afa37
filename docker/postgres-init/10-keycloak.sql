-- Keycloak keeps its data in its own database and role on the same PostgreSQL server (the first start only).
CREATE ROLE keycloak LOGIN PASSWORD 'keycloak';
CREATE DATABASE keycloak OWNER keycloak;
