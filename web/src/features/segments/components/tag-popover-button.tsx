import { Popover } from 'antd';
import { useState, type ReactElement } from 'react';
import { TagInput } from '../../segments/components/tag-input';

interface TagPopoverButtonProps {
  title: string;
  /** Adds the tag; resolves false to keep the popover open (the error was shown). */
  onSubmit: (tag: string) => Promise<boolean>;
  pending: boolean;
  inputTestId: string;
  children: ReactElement;
}

/** A button that opens a small popover to type one tag (for one fan or many). */
export function TagPopoverButton({ title, onSubmit, pending, inputTestId, children }: TagPopoverButtonProps) {
  const [open, setOpen] = useState(false);
  const submit = async (tag: string) => {
    const done = await onSubmit(tag);
    if (done) setOpen(false);
    return done;
  };
  return (
    <Popover
      open={open}
      onOpenChange={setOpen}
      trigger="click"
      destroyOnHidden
      title={title}
      content={
        <div style={{ width: 280 }}>
          <TagInput onSubmit={submit} pending={pending} onCancel={() => setOpen(false)} testId={inputTestId} />
        </div>
      }
    >
      {children}
    </Popover>
  );
}
