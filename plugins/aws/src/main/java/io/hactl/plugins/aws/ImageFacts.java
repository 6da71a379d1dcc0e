package io.hactl.plugins.aws;

import io.hactl.plugin.api.ProviderException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Image;

/**
 * What the plugin needs to know of the {@code image-id} AMI: its architecture in Juju's terms (to
 * pick an instance type of the same kind) and its root device (to size the root disk).
 */
record ImageFacts(Optional<String> arch, Optional<String> rootDeviceName) {

  static ImageFacts describe(Ec2Session session) throws ProviderException {
    String imageId = session.settings().imageId();
    List<Image> images = session.calls().call("look up image-id " + imageId, "DescribeImages",
        () -> session.client().describeImages(request -> request.imageIds(imageId)).images());
    if (images.isEmpty()) {
      throw new ProviderException("image-id " + imageId + " is not an AMI available in region "
          + session.settings().region() + "; set image-id to an AMI of that region");
    }
    Image image = images.get(0);
    return new ImageFacts(arch(image.architectureAsString()),
        Optional.ofNullable(image.rootDeviceName()));
  }

  private static Optional<String> arch(String ec2Arch) {
    if (ec2Arch == null) {
      return Optional.empty();
    }
    return switch (ec2Arch) {
      case "x86_64" -> Optional.of("amd64");
      case "arm64" -> Optional.of("arm64");
      case "i386" -> Optional.of("i386");
      default -> Optional.empty();
    };
  }
}
