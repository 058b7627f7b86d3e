package dev.hype.pm.registry;

/** Choose the form of a packument to ask for. */
public enum Form {
    /** Everything the registry keeps: readme, times, maintainers; for {@code info}. */
    FULL("application/json"),
    /** Only what an install needs ({@code application/vnd.npm.install-v1+json}). */
    ABBREVIATED("application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8, */*");

    private final String accept;

    Form(String accept) {
        this.accept = accept;
    }

    /** Return the {@code Accept} header that asks for this form. */
    public String accept() {
        return accept;
    }
}
