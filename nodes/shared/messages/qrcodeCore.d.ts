/// <reference types="qrcode" />
/**
 * The QR encoder of the qrcode package on its own: its main entry also loads the PNG, SVG and file
 * renderers (pngjs, fs, zlib, streams), which n8n's verification scan refuses and epcQr.ts does not use.
 */
declare module 'qrcode/lib/core/qrcode' {
	export { create } from 'qrcode';
}
