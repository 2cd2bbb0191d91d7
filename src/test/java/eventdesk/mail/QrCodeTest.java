package eventdesk.mail;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The ticket's QR code is a PNG that a scanner reads back as the check-in link. */
class QrCodeTest {

    @Test
    void thePngDecodesBackToTheCheckInLink() throws Exception {
        String link = "https://eventdesk.kr/admin/checkin/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfG";
        byte[] png = QrCode.png(link, 320);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(320);
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
        assertThat(decoded).isEqualTo(link);
    }
}
