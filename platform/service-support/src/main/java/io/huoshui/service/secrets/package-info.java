/**
 * Secrets a service must read back (a token-signing private key, a webhook signing secret) sealed
 * before they reach the database: {@link io.huoshui.service.secrets.SecretBox}. Secrets a service
 * only checks (client secrets) are hashed instead and never come here.
 */
package io.huoshui.service.secrets;
