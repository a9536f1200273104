/**
 * JSON Schema compatibility: {@link dev.bluerealm.internal.schema.SchemaComparator} decides whether a
 * schema change OLD → NEW keeps {@code backwards} (NEW ⊆ OLD) and {@code forwards} (OLD ⊆ NEW),
 * soundly, and backs every "does not hold" with an instance the real validator confirms;
 * {@link dev.bluerealm.internal.schema.SchemaValidator} is the validator facade the checks use.
 *
 * <p>Inside: {@code Normalizer} turns schemas into conjunctions ({@code Conj}) and disjunctive normal
 * form; {@code Subsumption} proves inclusion; {@code Evaluator} is a three-valued membership test for
 * the supported vocabulary; {@code Sampler} builds instances; {@code ChangeDetector} lists the
 * changes; {@code WitnessFinder} confirms counterexamples with the validator.
 */
package dev.bluerealm.internal.schema;
