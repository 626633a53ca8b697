package org.jijukirwa.generator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The small part of XPath that the forms' constraints and relevance
 * conditions use, parsed and evaluated the way ODK's engines do: {@code .},
 * {@code ${field}}, numbers, quoted strings, {@code = != < <= > >=},
 * {@code + - * div mod}, {@code and or}, parentheses and the functions
 * today(), regex(), int(), format-date(), string-length(), selected(),
 * count-selected() and not(). Dates compare as ISO text, as the engines
 * convert both sides of a date comparison; years come out of format-date(x, '%Y').
 */
final class XPathSubset
{
    static final Set<String> FUNCTIONS = Set.of("today", "regex", "int", "format-date", "string-length", "selected", "count-selected", "not");

    /** A parsed expression; evaluate with the current value, the other fields' values and today's date. */
    interface Expression
    {
        Object evaluate(String current, Function<String, String> fields, LocalDate today);
    }

    private final String text;
    private final List<String> tokens;
    private final List<String> references = new ArrayList<>();
    private int position;

    private XPathSubset(String text)
    {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses, or throws IllegalArgumentException naming what is wrong. */
    static Expression parse(String text)
    {
        XPathSubset parser = new XPathSubset(text);
        Expression expression = parser.or();
        if (parser.position != parser.tokens.size()) {
            throw new IllegalArgumentException("unexpected '" + parser.tokens.get(parser.position) + "' in: " + text);
        }
        return expression;
    }

    /** The ${field} names an expression refers to. */
    static List<String> references(String text)
    {
        XPathSubset parser = new XPathSubset(text);
        parser.or();
        return List.copyOf(parser.references);
    }

    static boolean isTrue(Object value)
    {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Double number) {
            return number != 0 && !number.isNaN();
        }
        return !value.toString().isEmpty();
    }

    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\$\\{[A-Za-z_][A-Za-z0-9_.-]*}|'[^']*'|\"[^\"]*\"|\\d+(?:\\.\\d+)?|<=|>=|!=|[=<>+*(),.-]|[A-Za-z_][A-Za-z0-9_-]*)");

    private static List<String> tokenize(String text)
    {
        List<String> tokens = new ArrayList<>();
        java.util.regex.Matcher matcher = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length()) {
            if (text.substring(at).isBlank()) {
                break;
            }
            if (!matcher.find(at) || matcher.start() != at) {
                throw new IllegalArgumentException("cannot read '" + text.substring(at).strip() + "' in: " + text);
            }
            tokens.add(matcher.group(1));
            at = matcher.end();
        }
        return tokens;
    }

    private String peek()
    {
        return position < tokens.size() ? tokens.get(position) : null;
    }

    private String next()
    {
        if (position >= tokens.size()) {
            throw new IllegalArgumentException("unexpected end of: " + text);
        }
        return tokens.get(position++);
    }

    private void expect(String token)
    {
        String found = next();
        if (!found.equals(token)) {
            throw new IllegalArgumentException("expected '" + token + "' but found '" + found + "' in: " + text);
        }
    }

    private Expression or()
    {
        return chain("or", this::and, true);
    }

    private Expression and()
    {
        return chain("and", this::comparison, false);
    }

    /**
     * Operands joined by {@code operator}, left to right; the second of two is evaluated only when the first is not
     * {@code decidingValue} (true for or, false for and).
     */
    private Expression chain(String operator, Supplier<Expression> operand, boolean decidingValue)
    {
        Expression left = operand.get();
        while (operator.equals(peek())) {
            next();
            Expression first = left;
            Expression second = operand.get();
            left = (current, fields, today) -> isTrue(first.evaluate(current, fields, today)) == decidingValue
                    ? decidingValue
                    : isTrue(second.evaluate(current, fields, today));
        }
        return left;
    }

    private Expression comparison()
    {
        Expression left = additive();
        while (peek() != null && Set.of("=", "!=", "<", "<=", ">", ">=").contains(peek())) {
            String operator = next();
            Expression first = left;
            Expression second = additive();
            left = (current, fields, today) -> compare(operator, first.evaluate(current, fields, today), second.evaluate(current, fields, today));
        }
        return left;
    }

    private static Boolean compare(String operator, Object left, Object right)
    {
        int order;
        if (left instanceof Double || right instanceof Double) {
            order = Double.compare(number(left), number(right));
        }
        else {
            order = left.toString().compareTo(right.toString());
        }
        return switch (operator) {
            case "=" -> order == 0;
            case "!=" -> order != 0;
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            default -> order >= 0;
        };
    }

    private Expression additive()
    {
        return arithmetic(Set.of("+", "-"), this::multiplicative, (operator, a, b) -> operator.equals("+") ? a + b : a - b);
    }

    private Expression multiplicative()
    {
        return arithmetic(Set.of("*", "div", "mod"), this::primary, (operator, a, b) -> switch (operator) {
            case "*" -> a * b;
            case "div" -> a / b;
            default -> a % b;
        });
    }

    /** Number operands joined by any of {@code operators}, left to right. */
    private Expression arithmetic(Set<String> operators, Supplier<Expression> operand, Arithmetic arithmetic)
    {
        Expression left = operand.get();
        while (peek() != null && operators.contains(peek())) {
            String operator = next();
            Expression first = left;
            Expression second = operand.get();
            left = (current, fields, today) -> {
                double a = number(first.evaluate(current, fields, today));
                double b = number(second.evaluate(current, fields, today));
                return arithmetic.apply(operator, a, b);
            };
        }
        return left;
    }

    @FunctionalInterface
    private interface Arithmetic
    {
        double apply(String operator, double a, double b);
    }

    private Expression primary()
    {
        String token = next();
        if (token.equals("(")) {
            Expression inner = or();
            expect(")");
            return inner;
        }
        if (token.equals("-")) {
            Expression operand = primary();
            return (current, fields, today) -> -number(operand.evaluate(current, fields, today));
        }
        if (token.equals(".")) {
            return (current, fields, today) -> current == null ? "" : current;
        }
        if (token.startsWith("${")) {
            String name = token.substring(2, token.length() - 1);
            references.add(name);
            return (current, fields, today) -> {
                String value = fields.apply(name);
                return value == null ? "" : value;
            };
        }
        if (token.startsWith("'") || token.startsWith("\"")) {
            String literal = token.substring(1, token.length() - 1);
            return (current, fields, today) -> literal;
        }
        if (Character.isDigit(token.charAt(0))) {
            double literal = Double.parseDouble(token);
            return (current, fields, today) -> literal;
        }
        if (!FUNCTIONS.contains(token)) {
            throw new IllegalArgumentException("unknown function or name '" + token + "' in: " + text);
        }
        expect("(");
        List<Expression> arguments = new ArrayList<>();
        if (!")".equals(peek())) {
            arguments.add(or());
            while (",".equals(peek())) {
                next();
                arguments.add(or());
            }
        }
        expect(")");
        return function(token, arguments);
    }

    private static final Map<String, Integer> ARITY = Map.of("today", 0, "regex", 2, "int", 1, "format-date", 2, "string-length", 1,
            "selected", 2, "count-selected", 1, "not", 1);

    private Expression function(String name, List<Expression> arguments)
    {
        if (arguments.size() != ARITY.get(name)) {
            throw new IllegalArgumentException(name + "() takes " + ARITY.get(name) + " arguments, got " + arguments.size() + " in: " + text);
        }
        return (current, fields, today) -> {
            List<Object> values = new ArrayList<>();
            for (Expression argument : arguments) {
                values.add(argument.evaluate(current, fields, today));
            }
            return switch (name) {
                case "today" -> today.toString();
                case "regex" -> Pattern.compile(values.get(1).toString()).matcher(values.get(0).toString()).find();
                case "int" -> (double) (long) number(values.get(0));
                case "format-date" -> formatDate(values.get(0).toString(), values.get(1).toString());
                case "string-length" -> (double) values.get(0).toString().length();
                case "selected" -> List.of(values.get(0).toString().split(" ")).contains(values.get(1).toString());
                case "count-selected" -> (double) values.get(0).toString().strip().split("\\s+").length;
                default -> !isTrue(values.get(0));
            };
        };
    }

    private static String formatDate(String date, String format)
    {
        if (date.isEmpty()) {
            return "";
        }
        LocalDate parsed = LocalDate.parse(date.substring(0, 10));
        return format.replace("%Y", Integer.toString(parsed.getYear()))
                .replace("%m", String.format("%02d", parsed.getMonthValue()))
                .replace("%d", String.format("%02d", parsed.getDayOfMonth()));
    }

    private static double number(Object value)
    {
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        try {
            return Double.parseDouble(value.toString().strip());
        }
        catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
