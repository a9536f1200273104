/**
 * A client for the Forgejo (and Gitea) REST API, for the Forgejo forge (DESIGN §5).
 *
 * <p>{@link dev.bluerealm.internal.forge.forgejo.ForgejoClient} is the only entry point: it speaks
 * our own records ({@code ForgejoPull}, {@code ForgejoReview}, ...) and throws {@code RealmException}s
 * whose messages say what to do. Underneath it is a client generated at build time from
 * {@code src/main/openapi/forgejo.yaml} into {@code .api}, {@code .model} and {@code .invoker}; those
 * generated types never leave this package's classes. {@code ForgejoSpecConformanceTest} keeps the
 * yaml true to Forgejo's own API description.
 */
package dev.bluerealm.internal.forge.forgejo;
