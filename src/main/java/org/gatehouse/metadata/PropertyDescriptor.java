package org.gatehouse.metadata;

import java.util.List;

/**
 * One property of an admin view, as the list, filters and forms need it.
 *
 * @param name         the JPA attribute name, also the URL parameter of its filter
 * @param label        what a person reads in headers and forms
 * @param kind         how it is shown, edited and filtered
 * @param javaType     the attribute's type (element type for collections)
 * @param required     from {@code @NotNull}/{@code @NotBlank} or a non-optional mapping
 * @param maxLength    from {@code @Size(max)} or the column length, 0 when unbounded
 * @param readOnly     shown on forms but never written from them
 * @param sortable     may be used in {@code sort=}
 * @param searchable   matched by the global search (text contains, case-insensitive)
 * @param filterable   has a column filter
 * @param choices      enum constant names for {@link PropertyKind#ENUM}
 * @param relatedLabel for relations: the attribute of the related entity shown as its label
 */
public record PropertyDescriptor(
        String name,
        String label,
        PropertyKind kind,
        Class<?> javaType,
        boolean required,
        int maxLength,
        boolean readOnly,
        boolean sortable,
        boolean searchable,
        boolean filterable,
        List<String> choices,
        String relatedLabel) {

    public boolean isRelation() {
        return kind.isRelation();
    }
}
