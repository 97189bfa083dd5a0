package org.gatehouse.web;

import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.StepUpRequiredException;
import org.gatehouse.metadata.AdminRegistry;
import org.gatehouse.metadata.Roles;
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

    private List<RoleRulesRow> rows;

    public boolean isAdmin() {
        return Faces.isUserInRole(Roles.ADMIN);
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

    /** What a scope may compare with, and an example. */
    public String getSyntaxHint() {
        return RuleMessages.syntaxHint();
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
            RuleMessages.refused(row, e);
        } catch (WriteException e) {
            RuleMessages.refused(row, e);
        } catch (ConflictException e) {
            RuleMessages.conflict(row);
        } catch (ForbiddenException | EJBAccessException e) {
            AdminPages.refused(Faces.getContext());
        } catch (StepUpRequiredException e) {
            StepUpPrompt.ask(Faces.getContext(), null);
        }
    }

    public void preview(RoleRulesRow row) {
        try {
            row.showPreview(
                    editor.preview(role().getId(), row.getView(), row.postedScope(), row.getCountry()),
                    TextBean.locale());
        } catch (RuleRefusedException e) {
            RuleMessages.refused(row, e);
        } catch (WriteException e) {
            RuleMessages.error(row, "country", e.getText().text(TextBean.locale()));
        } catch (ForbiddenException | EJBAccessException e) {
            AdminPages.refused(Faces.getContext());
        }
    }

    /**
     * A postback naming a Save or Preview button of the rules, which are only rendered for
     * administrators, is a crafted request from anyone else: answered 403 and recorded.
     */
    public void guardPostback() {
        if (RuleInputs.namesRulesButton() && !isAdmin()) {
            AdminPages.forbidden(Faces.getContext());
        }
    }
}
