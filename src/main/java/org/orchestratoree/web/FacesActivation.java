package org.orchestratoree.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.annotation.FacesConfig;

/**
 * Turns on Jakarta Faces for the web UI (the pages under {@code /}, next to the API at {@code /api}).
 * {@code WEB-INF/web.xml} maps the FacesServlet to {@code *.xhtml} and makes {@code index.xhtml} the welcome page.
 */
@FacesConfig
@ApplicationScoped
public class FacesActivation {
}
