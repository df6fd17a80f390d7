package io.jingling.connectors.sms.sim;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

// SendSms and SendBatchSms validated like the platform, in one fixed order (the platform's own
// order is not documented): mandatory parameters (HTTP 400), JSON shape, number count, numbers,
// sign, template, variables, OutId, then the account's limits. An accepted call is remembered
// and counted.
final class SimulatedSends {

	static final int MAX_SEND_NUMBERS = 1000;

	static final int MAX_BATCH_NUMBERS = 100;

	static final int MAX_OUT_ID = 255;

	private static final Pattern MOBILE = Pattern.compile("(\\+86|0086|86)?(1\\d{10})");

	private final Clock clock;

	private final SendLimits limits;

	private final MessageStore store;

	private final Set<String> signNames = new HashSet<>();

	// approved notice templates and their variable names
	private final Map<String, List<String>> templates = new HashMap<>();

	SimulatedSends(Clock clock, SendLimits limits, MessageStore store) {
		this.clock = clock;
		this.limits = limits;
		this.store = store;
	}

	synchronized void approveSignName(String signName) {
		this.signNames.add(signName);
	}

	synchronized void approveTemplate(String code, List<String> params) {
		this.templates.put(code, List.copyOf(params));
	}

	synchronized Answer sendSms(Map<String, String> params) {
		Optional<Answer> missing = TemplateParams.missing(params, "PhoneNumbers", "SignName", "TemplateCode");
		if (missing.isPresent()) {
			return missing.get();
		}
		List<String> numbers = List.of(params.get("PhoneNumbers").split(",", -1));
		String sign = params.get("SignName");
		String template = params.get("TemplateCode");
		if (numbers.size() > MAX_SEND_NUMBERS) {
			return Answer.business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
		}
		Optional<Answer> refusal = refuseNumbers(numbers).or(() -> refuseSign(sign))
			.or(() -> refuseTemplate(template))
			.or(() -> TemplateParams.refuseParams(this.templates.get(template), params.get("TemplateParam")));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		List<String> normalised = numbers.stream().map(SimulatedSends::normalise).toList();
		Map<String, String> variables = TemplateParams.parse(params.get("TemplateParam"));
		return accept(params.get("OutId"), normalised, Collections.nCopies(normalised.size(), sign), template,
				Collections.nCopies(normalised.size(), variables), false);
	}

	synchronized Answer sendBatchSms(Map<String, String> params) {
		Optional<Answer> missing = TemplateParams.missing(params, "PhoneNumberJson", "SignNameJson", "TemplateCode");
		if (missing.isPresent()) {
			return missing.get();
		}
		List<String> numbers = TemplateParams.strings(params.get("PhoneNumberJson"));
		List<String> signs = TemplateParams.strings(params.get("SignNameJson"));
		String template = params.get("TemplateCode");
		if (numbers == null || signs == null) {
			return Answer.business("isv.INVALID_JSON_PARAM", "JSON参数不合法");
		}
		// without TemplateParamJson every number gets no variables, fine for a template
		// without any
		List<String> paramJsons = (params.get("TemplateParamJson") != null)
				? TemplateParams.objects(params.get("TemplateParamJson")) : Collections.nCopies(numbers.size(), null);
		if (paramJsons == null) {
			return Answer.business("isv.INVALID_JSON_PARAM", "JSON参数不合法");
		}
		if (numbers.size() > MAX_BATCH_NUMBERS) {
			return Answer.business("isv.MOBILE_COUNT_OVER_LIMIT", "手机号码数量超过限制");
		}
		if (signs.size() != numbers.size() || paramJsons.size() != numbers.size()) {
			return Answer.business("isv.INVALID_PARAMETERS", "参数异常");
		}
		Optional<Answer> refusal = refuseNumbers(numbers)
			.or(() -> signs.stream().map(this::refuseSign).flatMap(Optional::stream).findFirst())
			.or(() -> refuseTemplate(template))
			.or(() -> paramJsons.stream()
				.map((json) -> TemplateParams.refuseParams(this.templates.get(template), json))
				.flatMap(Optional::stream)
				.findFirst());
		if (refusal.isPresent()) {
			return refusal.get();
		}
		return accept(params.get("OutId"), numbers.stream().map(SimulatedSends::normalise).toList(), signs, template,
				paramJsons.stream().map(TemplateParams::parse).toList(), true);
	}

	// signs and variables are per number; a batch is remembered as one message per
	// number.
	private Answer accept(String outId, List<String> numbers, List<String> signs, String template,
			List<Map<String, String>> variables, boolean batch) {
		if (outId != null && outId.length() > MAX_OUT_ID) {
			return Answer.business("isv.INVALID_PARAMETERS", "OutId超过长度限制");
		}
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < numbers.size(); i++) {
			keys.add(SendLimits.key(signs.get(i), template, numbers.get(i)));
		}
		Optional<Answer> limited = this.limits.refusal(keys);
		if (limited.isPresent()) {
			return limited.get();
		}
		this.limits.count(keys);
		String bizId = this.store.nextBizId();
		if (batch) {
			for (int i = 0; i < numbers.size(); i++) {
				this.store.accept(new SimulatedSms(bizId, outId, List.of(numbers.get(i)), template, variables.get(i),
						signs.get(i), this.clock.instant()));
			}
		}
		else {
			this.store.accept(new SimulatedSms(bizId, outId, numbers, template, variables.get(0), signs.get(0),
					this.clock.instant()));
		}
		return Answer.ok(Answer.json().createObjectNode().put("BizId", bizId));
	}

	private static Optional<Answer> refuseNumbers(List<String> numbers) {
		boolean legal = numbers.stream().allMatch((number) -> MOBILE.matcher(number.strip()).matches());
		return legal ? Optional.empty() : Optional.of(Answer.business("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号"));
	}

	private Optional<Answer> refuseSign(String sign) {
		return this.signNames.contains(sign) ? Optional.empty()
				: Optional.of(Answer.business("isv.SMS_SIGNATURE_ILLEGAL", "该账号下找不到对应签名"));
	}

	private Optional<Answer> refuseTemplate(String template) {
		return this.templates.containsKey(template) ? Optional.empty()
				: Optional.of(Answer.business("isv.SMS_TEMPLATE_ILLEGAL", "该账号下找不到对应模板"));
	}

	static String normalise(String number) {
		var matcher = MOBILE.matcher(number.strip());
		return matcher.matches() ? matcher.group(2) : number;
	}

}
