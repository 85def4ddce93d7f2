package com.smartengage.campaign;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FlowTests {

	private final Flow fillForm = new Flow(1, "FILL_FORM", List.of("FORM_SUBMITTED", "FORM_REVIEWING", "FORM_APPROVED"),
			List.of("FORM_REJECTED"), "FORM_APPROVED", true);

	@Test
	void scannedIsStepZeroAndForwardStepsFollow() {
		assertThat(this.fillForm.indexOf("SCANNED")).isZero();
		assertThat(this.fillForm.indexOf("FORM_SUBMITTED")).isEqualTo(1);
		assertThat(this.fillForm.indexOf("FORM_APPROVED")).isEqualTo(3);
		assertThat(this.fillForm.lastIndex()).isEqualTo(3);
		assertThat(this.fillForm.rewardIndex()).isEqualTo(3);
	}

	@Test
	void failureStepsAreStepsButNotForwardOnes() {
		assertThat(this.fillForm.indexOf("FORM_REJECTED")).isEqualTo(-1);
		assertThat(this.fillForm.isFailure("FORM_REJECTED")).isTrue();
		assertThat(this.fillForm.hasStep("FORM_REJECTED")).isTrue();
	}

	@Test
	void unknownAndCaseChangedNamesAreNotSteps() {
		assertThat(this.fillForm.hasStep("form_approved")).isFalse();
		assertThat(this.fillForm.hasStep("COUPON_ISSUED")).isFalse();
		assertThat(this.fillForm.hasStep("")).isFalse();
	}

	@Test
	void describesItsStepsInOrder() {
		assertThat(this.fillForm.describeSteps())
			.isEqualTo("FORM_SUBMITTED, FORM_REVIEWING, FORM_APPROVED, FORM_REJECTED");
	}

}
