package io.masthead.local.template;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation intrinsic functions a template's values use ({@code Ref},
 * {@code Fn::GetAtt}, {@code Fn::Sub}, {@code Fn::Join}) to text, the way a deployment in
 * {@code us-east-1} would see them, with parameters at their given values and resources named
 * by {@code resources} (logical id to physical name or ARN).
 */
final class Intrinsics {
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Map<String, String> parameters;
    private final Function<String, String> refs;
    private final Function<String, String> attributes;

    /**
     * @param parameters parameter values by name
     * @param refs       what {@code Ref} of a resource's logical id yields (null if unknown)
     * @param attributes what {@code Fn::GetAtt} of {@code LogicalId.Attribute} yields (null if unknown)
     */
    Intrinsics(Map<String, String> parameters, Function<String, String> refs, Function<String, String> attributes) {
        this.parameters = parameters;
        this.refs = refs;
        this.attributes = attributes;
    }

    String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        if (node.isObject() && node.size() == 1) {
            String function = node.fieldNames().next();
            JsonNode argument = node.get(function);
            switch (function) {
                case "Ref":
                    return ref(argument.asText());
                case "Fn::GetAtt":
                    return getAtt(argument.isArray()
                            ? argument.get(0).asText() + "." + argument.get(1).asText() : argument.asText());
                case "Fn::Sub":
                    return argument.isArray() ? sub(argument.get(0).asText(), argument.get(1))
                            : sub(argument.asText(), null);
                case "Fn::Join": {
                    StringBuilder joined = new StringBuilder();
                    String separator = argument.get(0).asText();
                    for (JsonNode part : argument.get(1)) {
                        if (!joined.isEmpty()) {
                            joined.append(separator);
                        }
                        joined.append(text(part));
                    }
                    return joined.toString();
                }
                default:
                    break;
            }
        }
        throw new IllegalArgumentException("the local runner cannot resolve " + node);
    }

    String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return REGION;
            case "AWS::AccountId":
                return ACCOUNT;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            case "AWS::StackName":
                return "masthead";
            case "AWS::NoValue":
                return null;
            default:
                break;
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        String resource = refs.apply(name);
        return resource != null ? resource : name;
    }

    private String getAtt(String logicalIdAndAttribute) {
        String value = attributes.apply(logicalIdAndAttribute);
        return value != null ? value : logicalIdAndAttribute;
    }

    private String sub(String template, JsonNode variables) {
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (variables != null && variables.has(name)) {
                value = text(variables.get(name));
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                value = getAtt(name);
            } else {
                value = ref(name);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
