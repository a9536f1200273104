/** Drawing a realm: {@link dev.bluerealm.graph.GraphFormat} for {@code Realm.graph}. */
package dev.bluerealm.graph;
