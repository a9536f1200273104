/**
 * A Forgejo-compatible server for tests ({@link dev.bluerealm.testing.forgejo.ForgejoServer}): the
 * REST operations blue-realm uses plus git smart HTTP on one port, every exchange checked against
 * Forgejo's own API description ({@link dev.bluerealm.testing.forgejo.ForgejoApiDescription}).
 * Published in the impl test-jar for the CLI's tests.
 */
package dev.bluerealm.testing.forgejo;
