package io.jingling.bots.tip;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jingling.bots.CapturedLogs;
import io.jingling.bots.DemoBureau;
import io.jingling.bots.engine.Action;
import io.jingling.bots.engine.AssistRequestView;
import io.jingling.bots.engine.InformantMessageReceived;
import io.jingling.bots.engine.OptOut;
import io.jingling.bots.engine.RecordTip;

import static io.jingling.bots.DemoBureau.fromInformant;
import static org.assertj.core.api.Assertions.assertThat;

class TipBotTest {

	private final DemoBureau bureau = new DemoBureau();

	private final TipBot bot = new TipBot(DemoBureau.CLOCK, DemoBureau.ZONE);

	private RecordTip tip(InformantMessageReceived message) {
		List<Action> actions = this.bot.handle(message, this.bureau);
		assertThat(actions).singleElement().isInstanceOf(RecordTip.class);
		RecordTip tip = (RecordTip) actions.get(0);
		assertThat(tip.memberId()).isEqualTo(42L);
		assertThat(tip.message()).isSameAs(message);
		return tip;
	}

	private RecordTip text(String text, String circleId, String sceneParam) {
		return tip(fromInformant("text", text, circleId, sceneParam));
	}

	@ParameterizedTest
	@ValueSource(strings = { "退订", " 退订 ", "\u3000退订\n", "TD", "td" })
	void optsOut(String text) {
		assertThat(this.bot.handle(fromInformant("text", text, "transport", "XC-20261130-007"), this.bureau))
			.containsExactly(new OptOut(42L));
	}

	@ParameterizedTest
	@ValueSource(strings = { "退订了吗", "请退订 XC-7", "TD123" })
	void recordsTextThatOnlyMentionsOptingOutAsATip(String text) {
		assertThat(this.bot.handle(fromInformant("text", text, "transport", ""), this.bureau)).singleElement()
			.isInstanceOf(RecordTip.class);
	}

	@Test
	void linksByTheKfLinksCodeFirst() {
		RecordTip tip = text("XC-20261129-005 的车我见过", "transport", "XC-20261130-002");
		assertThat(tip.assistCode()).isEqualTo("XC-20261130-002");
		assertThat(tip.linkedBy()).isEqualTo("scene-param");
	}

	@Test
	void linksByACodeInTheTextWhenTheLinkCarriesNoOpenRequest() {
		for (String sceneParam : List.of("", "XC-20261130-003", "XC-20261130-099", "not-a-code")) {
			RecordTip tip = text("XC-20261129-005 的车我见过", "transport", sceneParam);
			assertThat(tip.assistCode()).isEqualTo("XC-20261129-005");
			assertThat(tip.linkedBy()).isEqualTo("code-in-text");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "XC-2 那辆车", "关于xc-2：车在加油站", "XC－002 车在加油站", "协查XC-02，车往北开了" })
	void readsTheShortCodeAsTodaysRequest(String text) {
		RecordTip tip = text(text, "transport", "");
		assertThat(tip.assistCode()).isEqualTo("XC-20261130-002");
		assertThat(tip.linkedBy()).isEqualTo("code-in-text");
	}

	@Test
	void datesTheShortCodeInTheBureausZone() {
		// 00:30 on 30 November in the bureau, still 29 November in UTC
		TipBot afterMidnight = new TipBot(Clock.fixed(Instant.parse("2026-11-29T16:30:00Z"), ZoneOffset.UTC),
				DemoBureau.ZONE);
		List<String> asked = new ArrayList<>();
		DemoBureau recording = new DemoBureau() {
			@Override
			public Optional<AssistRequestView> assistRequest(String code) {
				asked.add(code);
				return super.assistRequest(code);
			}
		};
		afterMidnight.handle(fromInformant("text", "XC-7", "", ""), recording);
		assertThat(asked).containsExactly("XC-20261130-007");
	}

	@Test
	void skipsClosedAndUnknownCodesInTheText() {
		RecordTip tip = text("XC-20261130-003 和 XC-9 都不是，是 XC-20261129-005", "transport", "");
		assertThat(tip.assistCode()).isEqualTo("XC-20261129-005");
		assertThat(tip.linkedBy()).isEqualTo("code-in-text");
	}

	@ParameterizedTest
	@ValueSource(strings = { "灰色面包车在城东加油站", "XC-3 的车我见过", "XC-20261128-001 的车我见过", "XC-1234", "ABCXC-7" })
	void linksToTheLatestOpenRequestInTheCircleWhenTheTextNamesNoOpenOne(String text) {
		RecordTip tip = text(text, "transport", "XC-20261128-001");
		assertThat(tip.assistCode()).isEqualTo("XC-20261130-007");
		assertThat(tip.linkedBy()).isEqualTo("latest-in-circle");
	}

	@Test
	void recordsAnUnlinkedTipWhenNothingIsOpen() {
		for (String circleId : List.of("recycling", "")) {
			RecordTip tip = text("灰色面包车在城东加油站", circleId, "");
			assertThat(tip.assistCode()).isNull();
			assertThat(tip.linkedBy()).isEqualTo("none");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "image", "voice", "location" })
	void recordsMediaAsTips(String kind) {
		RecordTip tip = tip(fromInformant(kind, "", "rental", ""));
		assertThat(tip.assistCode()).isEqualTo("XC-20261130-007");
		assertThat(tip.linkedBy()).isEqualTo("latest-in-circle");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "", "XC-", "XC-0", "XC-999", "XC-20261399-001", "XC-99999999-999", "xc--7", "\u0000\uD83D" })
	void neverThrowsOnOddText(String text) {
		assertThat(text(text, "village", "XC-99999999-999").assistCode()).isEqualTo("XC-20261129-005");
	}

	@Test
	void logsHowATipWasLinkedButNeverItsText() {
		try (CapturedLogs logs = new CapturedLogs()) {
			text("灰色面包车在城东加油站 XC-7", "transport", "");
			this.bot.handle(fromInformant("text", "退订", "transport", ""), this.bureau);
			assertThat(logs.text())
				.contains("tip.handle linked-by=code-in-text", "assistCode=XC-20261130-007", "tip.handle opt-out")
				.doesNotContain("灰色面包车");
		}
	}

}
