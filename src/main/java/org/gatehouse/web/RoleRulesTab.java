package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.Roles;
import org.gatehouse.metadata.RowScope;
import org.gatehouse.service.ConflictException;
import org.gatehouse.service.ForbiddenException;
import org.gatehouse.service.RuleEditor;
import org.gatehouse.service.RuleRefusedException;
import org.gatehouse.service.WriteException;
import org.gatehouse.web.i18n.TextBean;

/**
 * The editor of a role's row scopes and field rules on its Permissions tab, one panel per view,
 * for administrators. The page is stateless: each request reads the rules again, and Save posts
 * the version of the stored rule the page showed, so a save over someone else's is a conflict.
 */
@Named("roleRules")
@RequestScoped
public class RoleRulesTab {

    /** The request parameter with the version of the stored rule the page showed ("" for none). */
    static final String SHOWN_VERSION = "rulesVersion";

    private static final Pattern RULES_BUTTON = Pattern.compile("(?:.*:)?(?:saveRules|previewRules)-[A-Za-z0-9_-]+");

    @Inject
    private DetailsPageBacking details;

    @Inject
    private RuleEditor editor;

    @Inject
    private AdminRegistry registry;

    @Inject
    private FacesContext faces;

    private List<RoleRulesRow> rows;

    public boolean isAdmin() {
        return faces.getExternalContext().isUserInRole(Roles.ADMIN);
    }

    private Role role() {
        return details.getEntity() instanceof Role role ? role : null;
    }

    public List<RoleRulesRow> getRows() {
        if (rows == null) {
            rows = role() == null || !isAdmin() ? List.of() : editor.of(role().getId()).stream()
                    .map(rules -> new RoleRulesRow(registry.view(rules.view()).orElseThrow(), rules, TextBean.locale()))
                    .toList();
        }
        return rows;
    }

    /** {@code {user.id}, {user.email}, {user.country}}: what a scope may compare with. */
    public String getUserAttributes() {
        return String.join(", ", RowScope.USER_ATTRIBUTES.stream().map(a -> "{user." + a + "}").toList());
    }

    /** A scope as the syntax hint shows it. */
    public String getScopeExample() {
        return "customer.country = {user.country}";
    }

    public void save(RoleRulesRow row) {
        try {
            RuleEditor.Saved saved = editor.save(role().getId(), row.getView(), shownVersion(), row.postedScope(),
                    row.postedHidden(), row.postedReadOnly(), row.getGrants().postedOperations(),
                    row.getGrants().postedActions());
            row.reset(saved.rules());
            notice(saved.changed() ? TextBean.text("tab.rules.saved", row.getLabel()) : TextBean.text("tab.rules.unchanged"));
        } catch (RuleRefusedException e) {
            e.getProblems().forEach((part, problem) -> error(clientId(row, part),
                    TextBean.text("tab.rules.problem", partLabel(part), problem)));
        } catch (WriteException e) {
            error(e.getField() == null ? clientId(row, null) : clientId(row, e.getField()),
                    (e.getField() == null ? "" : partLabel(e.getField()) + ": ") + e.getText().text(TextBean.locale()));
        } catch (ConflictException e) {
            // the version shown stays: saving again conflicts again until the page is reloaded
            row.setShownVersion(faces.getExternalContext().getRequestParameterMap().getOrDefault(SHOWN_VERSION, ""));
            error(clientId(row, null), TextBean.text("tab.rules.conflict"));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, null);
        }
    }

    public void preview(RoleRulesRow row) {
        try {
            row.showPreview(editor.preview(role().getId(), row.getView(), row.postedScope(), row.getCountry()),
                    TextBean.locale());
        } catch (RuleRefusedException e) {
            e.getProblems().forEach((part, problem) -> error(clientId(row, part),
                    TextBean.text("tab.rules.problem", partLabel(part), problem)));
        } catch (WriteException e) {
            error(clientId(row, "country"), e.getText().text(TextBean.locale()));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        }
    }

    /**
     * A postback naming a Save or Preview button of the rules, which are only rendered for
     * administrators, is a crafted request from anyone else: answered 403 and recorded.
     */
    public void guardPostback() {
        Map<String, String> parameters = faces.getExternalContext().getRequestParameterMap();
        String source = parameters.get("jakarta.faces.source");
        boolean named = source != null && RULES_BUTTON.matcher(source).matches()
                || parameters.keySet().stream().anyMatch(name -> RULES_BUTTON.matcher(name).matches());
        if (named && !isAdmin()) {
            AdminPages.forbidden(faces);
        }
    }

    /** The version the page showed: null when it showed none stored; a malformed one never matches. */
    private Long shownVersion() {
        String posted = faces.getExternalContext().getRequestParameterMap().get(SHOWN_VERSION);
        if (posted == null || posted.isEmpty()) {
            return null;
        }
        return posted.matches("\\d{1,18}") ? Long.valueOf(posted) : -1L;
    }

    /** The client id of a part's input in the row (or of the row's panel), from the button that posted. */
    private String clientId(RoleRulesRow row, String part) {
        String source = faces.getExternalContext().getRequestParameterMap().getOrDefault("jakarta.faces.source", "");
        String prefix = source.contains(":") ? source.substring(0, source.lastIndexOf(':') + 1) : "details:tabs:";
        return prefix + (part == null ? "rules" : part) + "-" + row.getView();
    }

    private static String partLabel(String part) {
        return switch (part) {
            case RuleEditor.SCOPE -> TextBean.text("tab.rules.scope");
            case RuleEditor.HIDDEN -> TextBean.text("tab.rules.hidden");
            case RuleEditor.READ_ONLY -> TextBean.text("tab.rules.readOnly");
            case RuleEditor.OPERATIONS, RuleEditor.ACTIONS -> TextBean.text("tab.rules.grants");
            default -> TextBean.text("tab.rules.country");
        };
    }

    private void notice(String text) {
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private void error(String clientId, String text) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
        faces.validationFailed();
    }
}
