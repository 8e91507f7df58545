package dev.badgesmith.cli;

import dev.badgesmith.Shard;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --shard K/N}, refused with the reason when it is not one. */
final class ShardConverter implements ITypeConverter<Shard> {
  @Override
  public Shard convert(String value) {
    try {
      return Shard.parse(value);
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException(e.getMessage());
    }
  }
}
