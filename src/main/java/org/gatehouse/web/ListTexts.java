package org.gatehouse.web;

import java.util.Locale;
import java.util.stream.Collectors;
import org.gatehouse.i18n.Texts;
import org.gatehouse.metadata.AdminView;
import org.gatehouse.metadata.Labels;
import org.gatehouse.service.ListCount;
import org.gatehouse.service.ListRequest;
import org.gatehouse.web.i18n.TextBean;

/**
 * The list page's words that depend on its view, its list state and its count, in the reader's
 * language: "243 orders", "New order", "No orders match the search and filters.", "Search name, email".
 */
public final class ListTexts {

    private final AdminView<?> view;
    private final ListRequest request;
    private final ListCount count;

    ListTexts(AdminView<?> view, ListRequest request, ListCount count) {
        this.view = view;
        this.request = request;
        this.count = count;
    }

    /** "243 orders", "about 1,000,000 orders", "more than 10,000 orders", "1 order". */
    public String getCount() {
        String noun = noun(count.value());
        return switch (count.kind()) {
            case EXACT -> TextBean.text("list.count", count.value(), noun);
            case ESTIMATE -> TextBean.text("list.count.estimate", count.value(), noun);
            case AT_LEAST -> TextBean.text("list.count.atLeast", count.value(), noun);
        };
    }

    /** "New order". */
    public String getNewLabel() {
        Locale locale = TextBean.locale();
        return TextBean.text("list.new", Labels.inSentence(locale, Texts.label(locale, view.singularLabel())));
    }

    /** "No orders found.", or when a search or filter narrows the list, that none match them. */
    public String getEmptyText() {
        return TextBean.text(request.isNarrowed() ? "list.empty.narrowed" : "list.empty", noun(0));
    }

    /** "Search name, email". */
    public String getSearchPlaceholder() {
        Locale locale = TextBean.locale();
        return TextBean.text(
                "list.search.placeholder",
                view.searchable().stream()
                        .map(p -> Labels.inSentence(locale, Texts.label(locale, p.label())))
                        .collect(Collectors.joining(", ")));
    }

    private String noun(long rows) {
        return Labels.noun(TextBean.locale(), view.label(), view.singularLabel(), rows);
    }
}
