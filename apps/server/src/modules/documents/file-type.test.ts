import { describe, expect, it } from 'vitest';
import { detectFileType, SNIFF_BYTES } from './file-type.ts';

const bytes = (...values: number[]) => Buffer.from(values);
const text = (value: string) => Buffer.from(value, 'latin1');

describe('detectFileType', () => {
  it.each([
    ['a JFIF JPEG', bytes(0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46), 'image/jpeg'],
    ['an Exif JPEG', bytes(0xff, 0xd8, 0xff, 0xe1, 0x12, 0x34), 'image/jpeg'],
    ['a PNG', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'image/png'],
    ['a PDF', text('%PDF-1.7\n%âãÏÓ'), 'application/pdf'],
  ])('when the file starts like %s, then it is %s', (_name, head, type) => {
    expect(detectFileType(head)).toBe(type);
  });

  it.each([
    ['a shell script', text('#!/bin/sh\necho hi\n')],
    ['a GIF', text('GIF89a\x01\x00\x01\x00')],
    ['a ZIP (or DOCX)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0)],
    ['HTML', text('<!doctype html><script>')],
    ['an SVG', text('<svg xmlns="http://www.w3.org/2000/svg">')],
    ['a PNG signature with one byte changed', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b)],
    ['a PNG signature cut short', bytes(0x89, 0x50, 0x4e, 0x47)],
    ['a PDF marker not at the start', text(' %PDF-1.4')],
    ['two JPEG bytes only', bytes(0xff, 0xd8)],
    ['nothing', Buffer.alloc(0)],
  ])('when the file is %s, then it is not supported', (_name, head) => {
    expect(detectFileType(head)).toBeNull();
  });

  it('when the longest signature is considered, then SNIFF_BYTES covers it', () => {
    expect(SNIFF_BYTES).toBe(8);
  });
});
