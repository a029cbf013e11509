package io.huoshui.credit.bank;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an operator registers a bank with. */
public record NewBank(
    @NotBlank @Pattern(regexp = "^[a-z0-9][a-z0-9-]{1,62}$", message = "{huoshui.bank.code}")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull BankLevel level) {}
