package org.gatehouse.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.gatehouse.demo.Customer;
import org.gatehouse.demo.Order;
import org.hibernate.validator.HibernateValidator;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation's messages read like every other form message ("Total: enter at least 0.00."
 * once Faces puts the label before them), in English and German.
 */
class ValidationMessagesTest {

    private static final Path DIR = Path.of("src/main/resources");

    @Test
    void englishAndGermanHaveTheSameMessagesInPlainLatin1() throws IOException {
        Properties english = load("ValidationMessages.properties");
        Properties german = load("ValidationMessages_de.properties");
        assertEquals(english.stringPropertyNames(), german.stringPropertyNames());
        for (Properties messages : new Properties[] {english, german}) {
            messages.values()
                    .forEach(text -> assertTrue(text.toString().chars().allMatch(c -> c <= 0xFF), text.toString()));
        }
    }

    @Test
    void messagesSayWhatToDo() {
        Order order = new Order();
        order.setTotal(new BigDecimal("-5"));
        assertEquals("enter at least 0.00.", message(Locale.ENGLISH, order, "total"));
        assertEquals("bitte mindestens 0.00 eingeben.", message(Locale.GERMAN, order, "total"));
        Customer customer = new Customer();
        customer.setCountry("PRT");
        assertEquals("enter at most 2 characters.", message(Locale.ENGLISH, customer, "country"));
        assertEquals("bitte höchstens 2 Zeichen eingeben.", message(Locale.GERMAN, customer, "country"));
        assertEquals("enter a value.", message(Locale.ENGLISH, customer, "name"));
    }

    private static String message(Locale locale, Object bean, String property) {
        try (ValidatorFactory factory = jakarta.validation.Validation.byProvider(HibernateValidator.class)
                .configure()
                .defaultLocale(locale)
                .buildValidatorFactory()) {
            Validator validator = factory.getValidator();
            Set<ConstraintViolation<Object>> violations = validator.validateProperty(bean, property);
            return violations.stream()
                    .map(ConstraintViolation::getMessage)
                    .sorted()
                    .collect(Collectors.joining(" | "));
        }
    }

    private static Properties load(String file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
