///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 17+
//DESCRIPTION blue-realm command line: contracts between repositories owned by different teams, kept in a git realm
//DEPS dev.bluerealm:blue-realm-cli:${blue.realm.version:0.1.0-SNAPSHOT}

/**
 * Runs the {@code blue} command line through JBang: {@code ./jbang blue realm status}.
 * The CLI comes from the local Maven repository ({@code mvn install}) with its runtime
 * dependencies; {@code -Dblue.realm.version=...} picks another version.
 */
class blue {
    public static void main(String[] args) throws Exception {
        dev.bluerealm.cli.Main.main(args);
    }
}
