package org.gatehouse.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
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
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

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
            rows = role() == null || !isAdmin()
                    ? List.of()
                    : editor.of(role().getId()).stream()
                            .map(rules -> new RoleRulesRow(
                                    registry.view(rules.view()).orElseThrow(), rules, TextBean.locale()))
                            .toList();
        }
        return rows;
    }

    /** {@code {user.id}, {user.email}, {user.country}}: what a scope may compare with. */
    public String getUserAttributes() {
        return String.join(
                ", ",
                RowScope.USER_ATTRIBUTES.stream().map(a -> "{user." + a + "}").toList());
    }

    /** A scope as the syntax hint shows it. */
    public String getScopeExample() {
        return "customer.country = {user.country}";
    }

    public void save(RoleRulesRow row) {
        try {
            RuleEditor.Saved saved = editor.save(
                    role().getId(),
                    row.getView(),
                    RequestValues.versionOrNone(SHOWN_VERSION),
                    row.postedScope(),
                    row.postedHidden(),
                    row.postedReadOnly(),
                    row.getGrants().postedOperations(),
                    row.getGrants().postedActions());
            row.reset(saved.rules());
            Messages.addGlobalInfo(
                    saved.changed()
                            ? TextBean.text("tab.rules.saved", row.getLabel())
                            : TextBean.text("tab.rules.unchanged"));
        } catch (RuleRefusedException e) {
            refused(row, e);
        } catch (WriteException e) {
            error(
                    clientId(row, e.getField()),
                    (e.getField() == null ? "" : RuleInputs.label(e.getField()) + ": ")
                            + e.getText().text(TextBean.locale()));
        } catch (ConflictException e) {
            // the version shown stays: saving again conflicts again until the page is reloaded
            row.setShownVersion(
                    faces.getExternalContext().getRequestParameterMap().getOrDefault(SHOWN_VERSION, ""));
            error(clientId(row, null), TextBean.text("tab.rules.conflict"));
        } catch (ForbiddenException | jakarta.ejb.EJBAccessException e) {
            AdminPages.refused(faces);
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(faces, null);
        }
    }

    public void preview(RoleRulesRow row) {
        try {
            row.showPreview(
                    editor.preview(role().getId(), row.getView(), row.postedScope(), row.getCountry()),
                    TextBean.locale());
        } catch (RuleRefusedException e) {
            refused(row, e);
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
        if (RuleInputs.namesRulesButton() && !isAdmin()) {
            AdminPages.forbidden(faces);
        }
    }

    /** Each problem of a refused rule at its input. */
    private void refused(RoleRulesRow row, RuleRefusedException refusal) {
        refusal.getProblems()
                .forEach((part, problem) -> error(
                        clientId(row, part), TextBean.text("tab.rules.problem", RuleInputs.label(part), problem)));
    }

    private static String clientId(RoleRulesRow row, String part) {
        return RuleInputs.clientId(row.getView(), part);
    }

    private static void error(String clientId, String text) {
        Messages.addError(clientId, text);
        Faces.validationFailed();
    }
}
