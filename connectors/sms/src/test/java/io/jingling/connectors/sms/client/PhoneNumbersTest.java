package io.jingling.connectors.sms.client;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumbersTest {

	@ParameterizedTest
	@ValueSource(strings = { "13800138000", "+8613800138000", "008613800138000", "8613800138000", " 13800138000 " })
	void normalisesToElevenDigits(String written) {
		assertThat(PhoneNumbers.normalise(written)).isEqualTo("13800138000");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1380013800", "138001380001", "23800138000", "1380013800a", "+85213800138000",
			"+86 13800138000", "861380013800" })
	void refusesWhatIsNotAMainlandMobileNumberAndMasksIt(String written) {
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumbers.normalise(written))
			.withMessageStartingWith("Not a mainland China mobile number: ")
			.withMessageNotContaining(written.strip());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void refusesABlankNumber(String written) {
		assertThatIllegalArgumentException().isThrownBy(() -> PhoneNumbers.normalise(written))
			.withMessage("Phone number is missing");
	}

	@ParameterizedTest
	@CsvSource({ "13800138000,138****8000", "+8613800138000,+86****8000", "1380013800,****", "12345678901,123****8901",
			"'',****" })
	void masksAllButTheEnds(String number, String masked) {
		assertThat(PhoneNumbers.mask(number)).isEqualTo(masked);
	}

}
