/**
 * The audit log: who changed a config, logged in, opened an informant's identity,
 * replayed a delivery or acted as a dispatcher, and when. Appended to only.
 */
package io.jingling.audit;
