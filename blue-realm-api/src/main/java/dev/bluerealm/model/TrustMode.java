package dev.bluerealm.model;

/**
 * The trust relationship between the realm's orgs ({@code trust.mode}).
 *
 * @since 0.1
 */
public enum TrustMode {
    COLLABORATIVE("collaborative"),
    VENDOR_CUSTOMER("vendor-customer"),
    FEDERATION("federation");

    private final String yaml;

    TrustMode(String yaml) {
        this.yaml = yaml;
    }

    /** The spelling used in realm files. */
    public String yaml() {
        return yaml;
    }
}
