package io.huoshui.project.matchmaking;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.validator.constraints.UniqueElements;

/**
 * A matchmaking event as its financial office announces it.
 *
 * @param region the division code of the province, city or county whose demand the event is for;
 *     the operator's own region or one inside it
 * @param banks the banks invited, by the code the network knows each by (its matches' {@code
 *     bankCode}, its client's tenant id)
 */
public record EventRequest(
    @NotBlank @Size(max = 200) String title,
    @NotNull LocalDate date,
    @NotBlank @Size(max = 200) String venue,
    @NotNull @Pattern(regexp = "[0-9]{2}([0-9]{2}([0-9]{2})?)?") String region,
    @NotBlank @Size(max = 500) String theme,
    @NotNull @Size(min = 1, max = 50) @UniqueElements
        List<@NotNull @Pattern(regexp = BANK_CODE) String> banks) {

  /** A bank's code, as identity-service admits it for a bank's tenant id. */
  static final String BANK_CODE = "[a-z][a-z0-9-]{1,31}";
}
