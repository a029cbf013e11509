-- Database per service: each service migrates and owns its own (Flyway), none reads another's.
CREATE DATABASE project ENCODING 'UTF8';
CREATE DATABASE credit ENCODING 'UTF8';
CREATE DATABASE matching ENCODING 'UTF8';
CREATE DATABASE notification ENCODING 'UTF8';
CREATE DATABASE identity ENCODING 'UTF8';
