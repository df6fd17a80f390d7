package io.jingling.directory;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lints the hand-edited demo bureau: the ids independent checks rely on, and every
 * reference.
 */
class DemoBureauFileTest {

	private final BureauFile bureau = read("../samples/demo/bureau.yaml", BureauFile.class);

	private final CirclesFile circles = read("../config/circles.yaml", CirclesFile.class);

	@Test
	void hasTheCommandGroupWithTheDemoDispatcherInIt() {
		assertThat(bureau.groups()).anySatisfy((group) -> {
			assertThat(group.openConversationId()).isEqualTo("cidJinglingDemoCommand==");
			assertThat(group.channel()).isEqualTo("command");
			assertThat(group.members()).contains("demo-dispatcher");
		});
		assertThat(bureau.officers()).anySatisfy((officer) -> {
			assertThat(officer.userId()).isEqualTo("demo-dispatcher");
			assertThat(officer.name()).isEqualTo("韩调度");
			assertThat(officer.roles()).contains("dispatcher");
		});
	}

	@Test
	void hasTheSixCirclesByTheirFixedIds() {
		assertThat(this.circles.circles()).extracting(CirclesFile.CircleEntry::id)
			.containsExactly("transport", "hospitality", "recycling", "rental", "merchants", "village");
		assertThat(this.circles.circles()).extracting(CirclesFile.CircleEntry::name)
			.containsExactly("交通运输圈", "旅馆网吧娱乐餐饮圈", "二手回收维修金银圈", "房屋出租圈", "个体工商户圈", "村组干部圈");
	}

	@Test
	void referencesOnlyKnownOfficersAndKeepsIdsAndNamesUnique() {
		Set<String> ids = bureau.officers().stream().map(BureauFile.OfficerEntry::userId).collect(Collectors.toSet());
		assertThat(ids).hasSize(bureau.officers().size()).hasSizeGreaterThanOrEqualTo(30);
		assertThat(bureau.officers().stream().map(BureauFile.OfficerEntry::name).distinct().count())
			.isEqualTo(bureau.officers().size());
		bureau.groups().forEach((group) -> assertThat(ids).containsAll(group.members()));
		List<String> aliases = this.circles.circles().stream().flatMap((c) -> c.aliases().stream()).toList();
		assertThat(aliases).doesNotHaveDuplicates();
	}

	@Test
	void givesEveryCustomerGroupAnOwnerWhoIsALiaisonOfItsCircle() {
		Set<String> officers = this.bureau.officers()
			.stream()
			.map(BureauFile.OfficerEntry::userId)
			.collect(Collectors.toSet());
		this.circles.circles().forEach((circle) -> {
			Set<String> liaisons = circle.liaisons()
				.stream()
				.map(CirclesFile.LiaisonEntry::wecomUserId)
				.collect(Collectors.toSet());
			assertThat(circle.groups()).isNotEmpty()
				.allSatisfy((group) -> assertThat(liaisons).contains(group.owner()));
			circle.liaisons().forEach((liaison) -> assertThat(officers).contains(liaison.dingtalkUserId()));
		});
	}

	private static <T> T read(String path, Class<T> type) {
		try {
			return new ObjectMapper(new YAMLFactory())
				.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
				.readValue(new File(path), type);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
