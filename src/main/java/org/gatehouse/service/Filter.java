package org.gatehouse.service;

import org.gatehouse.metadata.PropertyDescriptor;

/**
 * One column filter taken from the URL. Text filters match "contains, any case"; enums,
 * booleans and relations match {@code equal}; numbers and dates take an inclusive range.
 */
public record Filter(PropertyDescriptor property, Object equal, Object from, Object to) {

    public String name() {
        return property.name();
    }
}
