package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.service.EntityService;
import org.gatehouse.service.ListRequest;

/** The dashboard: one card per view with its record count. */
@Named("home")
@RequestScoped
public class HomeBacking {

    @Inject
    private AdminRegistry registry;

    @Inject
    private EntityService service;

    private Map<String, String> counts;

    public void load() {
        counts = new LinkedHashMap<>();
        for (AdminView<?> view : registry.views()) {
            if (!service.can(view, org.gatehouse.metadata.Operation.VIEW)) {
                continue;
            }
            counts.put(view.name(), service.listCount(view, ListRequest.defaults(view)).describe());
        }
    }

    public String count(String view) {
        return counts == null ? "" : counts.getOrDefault(view, "");
    }
}
